"""Provides the gapless queue of recorded blocks that the live transcript and the final pass run ahead read from."""

from __future__ import annotations

import queue
import threading

import numpy as np


class BlockQueue:
    """Blocks handed over by the recorder's writer thread, in order and without holes, until `end()`.

    A listener attached after the part started, or one that missed blocks, gets silence for the frames it did
    not see, so positions in the queued audio stay positions in the recording.
    """

    def __init__(self, samplerate: int):
        self.samplerate = samplerate
        self.queued_frames = 0
        """Frames put and not yet taken."""
        self.ended = False
        self._blocks: queue.Queue[np.ndarray | None] = queue.Queue()
        self._next_frame = 0
        self._count_lock = threading.Lock()  # put and get run on different threads; += is not atomic

    def put(self, block: np.ndarray, offset: float) -> None:
        """Queue `block`, recorded `offset` seconds into the part (ignored once ended)."""
        if self.ended:
            return
        start = int(round(offset * self.samplerate))
        missed = start - self._next_frame
        if missed > 0:
            self._put(np.zeros((missed,) + block.shape[1:], dtype=block.dtype))
        self._next_frame = start + len(block)
        self._put(block)

    def end(self) -> None:
        """No more blocks will come: `get` returns None once the queued ones are taken."""
        if not self.ended:
            self.ended = True
            self._blocks.put(None)

    def get(self) -> np.ndarray | None:
        """The next block (waits for one), or None after `end()`; None stays the answer from then on."""
        block = self._blocks.get()
        if block is None:
            self._blocks.put(None)
            return None
        with self._count_lock:
            self.queued_frames -= len(block)
        return block

    def gather(self, frames: int) -> np.ndarray | None:
        """At least `frames` frames joined into one array (fewer only at the end), or None when nothing is left."""
        blocks, gathered = [], 0
        while gathered < frames:
            block = self.get()
            if block is None:
                break
            blocks.append(block)
            gathered += len(block)
        if not blocks:
            return None
        return blocks[0] if len(blocks) == 1 else np.concatenate(blocks)

    def clear(self) -> None:
        """Drop what is queued (the end mark stays)."""
        try:
            while True:
                self._blocks.get_nowait()
        except queue.Empty:
            pass
        with self._count_lock:
            self.queued_frames = 0
        if self.ended:
            self._blocks.put(None)

    def _put(self, block: np.ndarray) -> None:
        with self._count_lock:
            self.queued_frames += len(block)
        self._blocks.put(block)
