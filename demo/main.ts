import '@clienteling/core/define.js';
