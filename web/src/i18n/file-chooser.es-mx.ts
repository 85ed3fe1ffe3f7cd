/**
 * Spanish (Mexico) texts of the app's own file chooser (QA S16: the browser's native one spoke
 * its own language, «Choose Files / No file chosen», in a Spanish page).
 */
export const fileChooserEsMX = {
  choose: 'Elegir archivos',
  chosen: (count: number) =>
    count === 0
      ? 'Ningún archivo seleccionado'
      : count === 1
        ? '1 archivo seleccionado'
        : `${count} archivos seleccionados`,
};

export type FileChooserMessages = typeof fileChooserEsMX;
