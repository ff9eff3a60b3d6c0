// H5: the browser draws NutUI's default <i> icons as they are.

export function setUpIcons(): void {}
