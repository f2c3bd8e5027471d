// Fields of a submitted form.

/** The text of field `name`, or null when the form has none (a file is not text). */
export function formValue(form: FormData, name: string): string | null {
	const v = form.get(name);
	return typeof v === 'string' ? v : null;
}
