/*
 * Reading forms and queries for a plugin's server code: one `parseForm` and input normalisation for
 * every form. Apart from loaders.server so that what a manifest reaches (a seed saving a form as a
 * drafter would) may use them without reaching the route builders.
 */
export { badRequest, checkedTexts, parseForm, parseQuery, readFilters, requireQuery, type FieldErrors, type Filters, type Parsed, type ReadOptions } from "../core/forms.server";
export { requireUuidParam } from "../core/input/uuid";
export { checkText, hasForbiddenCharacters, withoutForbiddenCharacters } from "../core/input/text";
