import { z } from "zod";
import { validatePattern } from "../numbering/format";
import { isValidCreditCode } from "./credit-code";

export const LOCALES = ["zh-CN", "zh-TW", "en"] as const;

export const LocalizedTextSchema = z.object({
  "zh-CN": z.string().trim().min(1),
  "zh-TW": z.string().trim().min(1),
  en: z.string().trim().min(1),
});

/** What the public guide (公开指南) tells a citizen about reaching the office. */
export const ContactSchema = z.object({
  address: LocalizedTextSchema.optional(),
  postcode: z.string().regex(/^\d{6}$/).optional(),
  hours: LocalizedTextSchema.optional(),
  phone: z.string().max(40).optional(),
  fax: z.string().max(40).optional(),
  email: z.email().optional(),
});

export type TenantContact = z.output<typeof ContactSchema>;

export const SecuritySchema = z.object({
  mfa: z.enum(["required", "optional"]).default("optional"),
});

export const TenantSettingsSchema = z.object({
  contact: ContactSchema.default({}),
  /** 索引号 pattern; placeholders {credit_code}, {year}, {seq:N}. */
  indexNumberPattern: z
    .string()
    .min(1)
    .default("{credit_code}/{year}-{seq:5}")
    .superRefine((pattern, ctx) => {
      const problem = validatePattern(pattern);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** Per-plugin settings, validated by each plugin's own schema. */
  plugins: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** `mfa: "required"`: the office's staff sign in with a second factor (the platform administrators always do). */
  security: SecuritySchema.default({ mfa: "optional" }),
});

export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

const hostname = z
  .string()
  .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?$/, "not a host name");

/** One tenant as declared in `tenants/*.tenant.ts`. */
export const TenantDefinitionSchema = z.object({
    code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, "lower-case letters, digits and hyphens"),
    parent: z.string().optional(),
    level: z.enum(["province", "city", "county"]),
    regionCode: z.string().regex(/^\d{6}$/, "six digits (行政区划代码)"),
    creditCode: z
      .string()
      .refine(isValidCreditCode, "not a valid 统一社会信用代码 (check character or format is wrong)"),
    name: LocalizedTextSchema,
    hosts: z.array(hostname).default([]),
    plugins: z.array(z.string()).default([]),
    settings: TenantSettingsSchema.default(TenantSettingsSchema.parse({})),
    public: z.boolean().default(true),
  });

export type TenantDefinitionInput = z.input<typeof TenantDefinitionSchema>;
export type TenantDefinition = z.output<typeof TenantDefinitionSchema>;

/** Identity function that gives tenant files type checking and autocompletion. */
export function defineTenant(def: TenantDefinitionInput): TenantDefinitionInput {
  return def;
}
