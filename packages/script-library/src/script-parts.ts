/**
 * What the script library makes of a script for the customer at hand, free of DOM: the preview's
 * pieces (filled in or marked), the message sent into the chat, the text copied and the content
 * handed to a broadcast. The variables and how they are filled are core's (`fillScript`).
 */
import {
  SCRIPT_VARIABLES,
  fillScript,
  scriptVariablesIn,
  type BroadcastContent,
  type ChatMessage,
  type Script,
  type ScriptValues,
  type ScriptVariable,
} from '@clienteling/core/trade.js';

/** A piece of a text script's preview: words as written, or a variable filled in or not. */
export interface PreviewPiece {
  text: string;
  /** The variable this piece stands for, when it is one. */
  variable?: ScriptVariable;
  /** For a variable: whether it has a value (else `text` is the variable as written). */
  filled?: boolean;
}

/** The variables as written (`{customerName}`…), captured so that `split` keeps them. */
const WRITTEN_VARIABLE = new RegExp(`(${SCRIPT_VARIABLES.map((name) => `\\{${name}\\}`).join('|')})`);

/** A text script's preview, in pieces: each variable filled in from `values` or left as written. */
export function previewPieces(text: string, values: ScriptValues): PreviewPiece[] {
  return text
    .split(WRITTEN_VARIABLE)
    .map((piece, index): PreviewPiece => {
      if (index % 2 === 0) return { text: piece };
      const variable = piece.slice(1, -1) as ScriptVariable;
      const filled = fillScript(piece, values);
      return { text: filled, variable, filled: filled !== piece };
    })
    .filter((piece) => piece.text !== '');
}

/** The variables of a script that `values` cannot fill in (none for a card or an image). */
export function unfilledVariables(script: Script, values: ScriptValues): ScriptVariable[] {
  if (script.content.kind !== 'text') return [];
  return scriptVariablesIn(script.content.text).filter((name) => !values[name]);
}

/** What "send to chat" sends: the text filled in, or the image or card. */
export function chatMessageOf(script: Script, values: ScriptValues): ChatMessage {
  const { content } = script;
  switch (content.kind) {
    case 'text':
      return { type: 'text', text: fillScript(content.text, values) };
    case 'image':
      return { type: 'image', imageUrl: content.image.url };
    case 'link': {
      const { url, title, coverUrl } = content.link;
      return { type: 'link', url, title, ...(coverUrl ? { imageUrl: coverUrl } : {}) };
    }
    case 'miniprogram': {
      const { appId, pagePath, title, coverUrl } = content.miniprogram;
      return { type: 'miniprogram', appId, pagePath, title, ...(coverUrl ? { imageUrl: coverUrl } : {}) };
    }
  }
}

/** What "copy" puts on the clipboard: the text filled in, a link's title and address, an image's address. */
export function copyTextOf(script: Script, values: ScriptValues): string | undefined {
  const { content } = script;
  if (content.kind === 'text') return fillScript(content.text, values);
  if (content.kind === 'link') return `${content.link.title} ${content.link.url}`;
  if (content.kind === 'image') return content.image.url;
  return undefined;
}

/**
 * What "use in broadcast" hands to the page: the script as a broadcast's content. A broadcast goes
 * to many customers, so `{customerName}` is not filled with the current customer's name: only the
 * associate's and the store's are.
 */
export function broadcastContentOf(script: Script, values: ScriptValues): BroadcastContent {
  const { content } = script;
  const { customerName: _customerName, ...forEveryone } = values;
  switch (content.kind) {
    case 'text':
      return { text: fillScript(content.text, forEveryone), attachments: [] };
    case 'image':
      return { text: '', attachments: [{ kind: 'image', image: content.image }] };
    case 'link':
      return { text: '', attachments: [{ kind: 'link', link: content.link }] };
    case 'miniprogram':
      return { text: '', attachments: [{ kind: 'miniprogram', miniprogram: content.miniprogram }] };
  }
}
