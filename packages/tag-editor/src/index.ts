// Public exports of @clienteling/tag-editor, free of side effects: import './define.js' (both
// elements) or './tag-picker.js' (the picker only) to register the tags.
export { TagEditor, type TagsChangeDetail } from './tag-editor.js';
export { TagPicker, type TagToggleDetail, type TagState } from './tag-picker.js';
export { editorMessages } from './tag-editor.messages.js';
export { pickerMessages } from './tag-picker.messages.js';
