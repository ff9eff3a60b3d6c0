// Building blocks for the input schemas of every cloud function: strict objects, bounded strings.
import { z } from 'zod';

/** A trimmed, non-empty string of at most `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** An id made by this project (document `_id`s): short, printable, no spaces. */
export const id = z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/);

/**
 * An id an admin may choose for an organisation or department: letters, digits, "_" and "-" only, because it is
 * also a key in the directory document (no "." or "$", which the database reads as a path).
 */
export const slug = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Mainland mobile number, 11 digits starting with 1. */
export const phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/);

/** Strict object: unknown fields are rejected with INVALID_ARGUMENT (API.md). */
export const input = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape);
