package io.emostream.model.training;

import io.emostream.model.data.Example;
import io.emostream.model.djl.BatchEncoder;
import io.emostream.model.text.TokenizedText;

/**
 * An example with its features and tokens computed once, so epochs cost only the network.
 *
 * @param example  the corpus example
 * @param prepared both modalities as the network's encoder prepared them
 */
record PreparedExample(Example example, BatchEncoder.Prepared prepared) {

  private static final TokenizedText NO_TEXT = new TokenizedText(new int[0][]);

  boolean hasAudio() {
    return prepared.audio() != null;
  }

  boolean hasText() {
    return prepared.text().length() > 0;
  }

  /** The view with audio withheld (text only). */
  BatchEncoder.Prepared textOnly() {
    return new BatchEncoder.Prepared(null, prepared.text());
  }

  /** The view with text withheld (audio only). */
  BatchEncoder.Prepared audioOnly() {
    return new BatchEncoder.Prepared(prepared.audio(), NO_TEXT);
  }

  /** Length used to group similar utterances into a batch (less padding). */
  int length() {
    return hasAudio() ? prepared.audio().frames() : prepared.text().length();
  }
}
