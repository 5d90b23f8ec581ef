import numpy as np

from interviewer.interview.block_queue import BlockQueue


def block(frames, value=1):
    return np.full((frames, 2), value, dtype=np.int16)


def test_frames_the_listener_missed_are_filled_with_silence():
    blocks = BlockQueue(1000)
    blocks.put(block(100), offset=0.5)  # attached half a second into the part
    blocks.put(block(100, 2), offset=0.7)  # 100 frames lost between the two
    blocks.end()
    audio = blocks.gather(10_000)
    assert audio.shape == (800, 2)
    assert not audio[:500].any() and (audio[500:600] == 1).all()
    assert not audio[600:700].any() and (audio[700:] == 2).all()


def test_gather_joins_blocks_until_it_has_enough():
    blocks = BlockQueue(1000)
    for index in range(5):
        blocks.put(block(100), offset=index * 0.1)
    assert len(blocks.gather(250)) == 300
    assert blocks.queued_frames == 200


def test_after_the_end_the_rest_is_taken_then_none_every_time():
    blocks = BlockQueue(1000)
    blocks.put(block(100), offset=0)
    blocks.end()
    blocks.put(block(100), offset=0.1)  # too late: ignored
    assert len(blocks.get()) == 100
    assert blocks.get() is None and blocks.get() is None
    assert blocks.gather(100) is None


def test_clear_drops_the_queue_but_keeps_the_end_mark():
    blocks = BlockQueue(1000)
    blocks.put(block(100), offset=0)
    blocks.end()
    blocks.clear()
    assert blocks.queued_frames == 0
    assert blocks.get() is None
