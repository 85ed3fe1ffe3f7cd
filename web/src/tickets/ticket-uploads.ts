import { UploadTracker } from './upload-tracker';

/**
 * The files «Nuevo ticket» sends to the tickets it registers (QA S62 #5), in the tab's memory: a
 * file keeps going up while its registrant opens the ticket, whose page shows the same progress.
 */
export const ticketUploads = new UploadTracker<File>();
