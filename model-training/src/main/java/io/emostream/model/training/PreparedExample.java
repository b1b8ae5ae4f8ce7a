package io.emostream.model.training;

import io.emostream.model.djl.BatchEncoder;

/**
 * A training row with its features and tokens computed, its target, and (for corpus rows with
 * audio) the raw samples, so that each epoch can render them through another channel.
 *
 * @param id       the example's id
 * @param prepared both modalities as the network's encoder prepared them
 * @param target   what the row should produce
 * @param audio    16 kHz samples before any channel, or {@code null}
 */
record PreparedExample(String id, BatchEncoder.Prepared prepared, Target target, float[] audio) {

  boolean hasAudio() {
    return prepared.audio() != null;
  }

  boolean hasText() {
    return prepared.text().length() > 0;
  }

  /** The view with audio withheld (text only). */
  BatchEncoder.Prepared textOnly() {
    return prepared.withoutAudio();
  }

  /** The view with text withheld (audio only). */
  BatchEncoder.Prepared audioOnly() {
    return prepared.withoutText();
  }

  /** The same row with other prepared inputs (a new channel rendering). */
  PreparedExample with(BatchEncoder.Prepared other) {
    return new PreparedExample(id, other, target, audio);
  }

  /** Length used to group similar utterances into a batch (less padding). */
  int length() {
    return hasAudio() ? prepared.audio().frames() : prepared.text().length();
  }
}
