// The shape of a print form in content/forms/*.json (checked by content/schemas/form.schema.json).

/** A block is shown only when the named field is non-empty, or equals a value. */
export type Condition = string | { field: string; equals: string | number | boolean };

export type FormBlock =
  | {
      type: 'text';
      text: string;
      align?: 'left' | 'center' | 'right';
      /** 1 = normal, 2 = double width and height; [w, h] for each. */
      size?: number | [number, number];
      bold?: boolean;
      when?: Condition;
    }
  | { type: 'row'; label: string; value: string; when?: Condition }
  | { type: 'rows'; from: string; when?: Condition }
  | { type: 'list'; from: string; heading?: string; bullet?: string; when?: Condition }
  | { type: 'qr'; data: string; mode?: 'native' | 'raster'; when?: Condition }
  | { type: 'image'; src: string; align?: 'left' | 'center' | 'right'; when?: Condition }
  | { type: 'rule'; when?: Condition }
  | { type: 'feed'; lines: number; when?: Condition };

export interface FormDefinition {
  id: string;
  description: string;
  /** JSON Schema of the `fields` a caller passes. */
  fields: Record<string, unknown>;
  layout: FormBlock[];
}

/** A line image the kiosk UI rendered (1 bit per dot, MSB left, rows of ceil(width/8) bytes). */
export interface TextImage {
  width: number;
  height: number;
  data: string;
}
