import { calendarEditorEn } from '../i18n/calendar-editor.en';
import { calendarEditorEsMX, type CalendarEditorMessages } from '../i18n/calendar-editor.es-mx';
import type { Language } from '../i18n/i18n-context';

/** The calendar editor's texts in the UI language. */
export const editorTexts = (language: Language): CalendarEditorMessages =>
  language === 'en' ? calendarEditorEn : calendarEditorEsMX;
