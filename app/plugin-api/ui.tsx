/** The shared UI kit for plugin pages: forms that carry the CSRF token, the form kit's fields with localised errors, the reader's locale. */
export { CsrfInput, FormMessage, PostForm, RowAction } from "../ui/forms";
export { Chart, type ChartData, type ChartView } from "../ui/charts";
export {
  Checkbox,
  CheckboxGroup,
  DateField,
  ErrorSummary,
  FieldError,
  FileField,
  FilterBar,
  Hint,
  Pager,
  ProgressBar,
  RadioGroup,
  SelectField,
  SubmitButton,
  SubmitChoices,
  TextArea,
  TextField,
  type Choice,
  type FieldProps,
  type Option,
  type ProgressProps,
} from "../ui/form-kit";
export { hasErrors, topFields, type FieldErrors } from "../core/input/field-errors";
export { IgnoredFilters } from "../ui/ignored-filters";
export { useLocale } from "../ui/use-locale";
export { FileMeta } from "../ui/file-meta";
export { TableScroll } from "../ui/table-scroll";
export { documentKind, humanSize, type DocumentKind } from "../core/files/kinds";
export { PublicLayout } from "../ui/public-layout";
export { publicPage, type Crumb, type CrumbArgs, type PublicPageHandle } from "../ui/public-site/crumbs";
export { RichTextEditor, type RichTextFormat } from "../ui/rich-text-editor";
