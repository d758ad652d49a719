/** English, the reference catalog: every other language must have exactly these keys. */
import { enCore } from './en-core';
import { enMore } from './en-more';

export const en = { ...enCore, ...enMore } as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
