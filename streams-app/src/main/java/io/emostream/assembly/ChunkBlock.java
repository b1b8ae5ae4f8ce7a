package io.emostream.assembly;

import java.util.List;

/**
 * One entry of the assembler's audio store: the chunks of one channel whose start falls in one
 * {@link AudioBuffer#BLOCK_MS} slice of the call, in start order, each kept as received.
 *
 * <p>Why blocks: a telephony stream sends a 20 ms frame 50 times a second per channel. Stored one
 * per key, every frame cost a store write, a changelog record and, once evicted, a tombstone.
 * Frames that share a block share a key, so the store's cache keeps only the block's newest
 * version between commits and the changelog sees one record per block and commit, and one
 * tombstone per block. Entries written before blocks existed (one chunk keyed by its own start)
 * read as blocks of one.
 *
 * @param chunks the block's chunks, ordered by start, no two with the same start
 */
record ChunkBlock(List<BufferedChunk> chunks) {

  ChunkBlock {
    chunks = List.copyOf(chunks);
  }

  static ChunkBlock of(BufferedChunk chunk) {
    return new ChunkBlock(List.of(chunk));
  }

  /** This block with {@code chunk} in its place by start; a chunk with the same start is replaced. */
  ChunkBlock with(BufferedChunk chunk) {
    int at = 0;
    while (at < chunks.size() && chunks.get(at).startMs() < chunk.startMs()) {
      at++;
    }
    boolean replaces = at < chunks.size() && chunks.get(at).startMs() == chunk.startMs();
    BufferedChunk[] out = new BufferedChunk[chunks.size() + (replaces ? 0 : 1)];
    for (int i = 0; i < at; i++) {
      out[i] = chunks.get(i);
    }
    out[at] = chunk;
    for (int i = at + (replaces ? 1 : 0); i < chunks.size(); i++) {
      out[i + (replaces ? 0 : 1)] = chunks.get(i);
    }
    // List.of is immutable already, so the constructor's copyOf keeps it: one copy per frame, not two
    return new ChunkBlock(List.of(out));
  }

  /** Payload bytes of all chunks. */
  long payloadBytes() {
    long bytes = 0;
    for (BufferedChunk c : chunks) {
      bytes += c.payload().length;
    }
    return bytes;
  }
}
