/** The shared UI kit for plugin pages: forms that carry the CSRF token, fields with localised errors, the reader's locale. */
export { CsrfInput, Field, FormMessage, PostForm, RowAction, type FieldErrors } from "../ui/forms";
export { IgnoredFilters } from "../ui/ignored-filters";
export { useLocale } from "../ui/use-locale";
export { PublicLayout } from "../ui/public-layout";
export { RichTextEditor, type RichTextFormat } from "../ui/rich-text-editor";
