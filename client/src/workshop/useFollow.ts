import { useEffect, useRef, useState } from 'react';
import type { Viewport } from '@sammen/shared';
import type { Editor } from '../editor/Editor.js';
import type { Box } from '../geometry/bounds.js';
import { followTarget } from './phone/stepFocus.js';
import { fitWhenSized } from './phone/useStepFocus.js';
import type { WorkshopApi } from './WorkshopContext.js';

export interface FollowState {
  /** The facilitator leads and this person is not a facilitator. */
  readonly offered: boolean;
  /** This person follows (they may step out and back in). */
  readonly following: boolean;
  setFollowing(following: boolean): void;
}

/**
 * Shows what the facilitator shows: the current step's frame, fitted, when all of it is in their
 * rectangle (a phone cannot show a desktop's whole view legibly), the same way the step opens
 * (on a phone, never smaller than its text reads, and kept so while the follow banner changes the
 * canvas's size, until the person or the next move changes the camera); else the rectangle itself.
 */
function show(editor: Editor | null, rect: Box, stepFrame: () => Box | null): void {
  if (!editor) return;
  const { box, isFrame } = followTarget(rect, stepFrame());
  if (isFrame) fitWhenSized(editor, box);
  else editor.fitBoardRect(box);
}

/**
 * Follow me and bring-here for everyone but facilitators: while the facilitator leads, each `follow`
 * event fits the facilitator's rectangle (or the step's frame in it) into this screen; a person may
 * stop following and start again (each new lead starts with following on). `bringHere` moves
 * everyone once.
 */
export function useFollow(api: WorkshopApi | null, editor: Editor | null, isFacilitator: boolean, stepFrame: () => Box | null = () => null): FollowState {
  const offered = !!api?.view?.follow.active && !isFacilitator;
  const latest = api?.view?.follow.viewport ?? null;
  const [following, setFollowing] = useState(true);
  const editorRef = useRef(editor);
  editorRef.current = editor;
  const followRef = useRef({ offered, following });
  followRef.current = { offered, following };
  const frameRef = useRef(stepFrame);
  frameRef.current = stepFrame;

  // Each new lead starts with everyone following.
  useEffect(() => {
    if (offered) setFollowing(true);
  }, [offered]);

  // Where the facilitator is now: the newest of the view's viewport and the `follow` events (the
  // server does not send a new view for every move, only an event).
  const lastSeen = useRef<Viewport | null>(null);
  const latestKey = latest ? `${latest.x},${latest.y},${latest.width},${latest.height}` : '';
  useEffect(() => {
    if (latest) lastSeen.current = latest;
    // `latestKey` stands for `latest` by value: a new view object with the same rectangle is no move.
  }, [latestKey]);

  // Starting to follow (a new lead, or stepping back in) jumps to where the facilitator is. The
  // first `follow` event may arrive just before the view that says a lead is on, hence lastSeen.
  useEffect(() => {
    if (offered && following && lastSeen.current) show(editorRef.current, lastSeen.current, frameRef.current);
  }, [offered, following]);

  const on = api?.on;
  useEffect(() => {
    if (!on || isFacilitator) return;
    const offFollow = on('follow', (viewport: Viewport) => {
      lastSeen.current = viewport;
      if (followRef.current.offered && followRef.current.following) show(editorRef.current, viewport, frameRef.current);
    });
    const offBring = on('bringHere', (viewport: Viewport) => show(editorRef.current, viewport, frameRef.current));
    return () => {
      offFollow();
      offBring();
    };
  }, [on, isFacilitator]);

  return { offered, following, setFollowing };
}
