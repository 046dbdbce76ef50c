import './define-tag-picker.js';

export { TagPicker } from './define-tag-picker.js';
