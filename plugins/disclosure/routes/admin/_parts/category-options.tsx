/** Category options indented by depth (an option holds text only, so the indent is ideographic spaces). */
export function CategoryOptions({ categories }: { categories: { key: string; label: string; depth: number }[] }) {
  return (
    <>
      {categories.map((c) => (
        <option key={c.key} value={c.key}>
          {"\u3000".repeat(c.depth)}
          {c.label}
        </option>
      ))}
    </>
  );
}
