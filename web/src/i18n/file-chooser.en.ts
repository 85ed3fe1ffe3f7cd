import type { FileChooserMessages } from './file-chooser.es-mx';

/** English texts of the app's own file chooser. */
export const fileChooserEn: FileChooserMessages = {
  choose: 'Choose files',
  chosen: (count: number) =>
    count === 0 ? 'No file chosen' : count === 1 ? '1 file chosen' : `${count} files chosen`,
};
