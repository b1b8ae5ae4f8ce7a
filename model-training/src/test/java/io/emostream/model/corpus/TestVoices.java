package io.emostream.model.corpus;

import java.util.List;

/** A voice catalog without espeak-ng installed: two made-up variants with typical pitch lines. */
final class TestVoices {

  static final BaseVariant FEMALE = BaseVariant.parse("f9", List.of("language variant", "name f9", "gender female",
      "pitch 140 220", "formant 1 120 75 150 -50", "breath 0 2 3 3", "roughness 4"));
  static final BaseVariant MALE = BaseVariant.parse("m9", List.of("language variant", "name m9", "gender male",
      "pitch 80 120", "tone 600 200 1200 100 2000 80"));

  static final VoiceCatalog CATALOG = new VoiceCatalog(List.of("en-us", "en-gb", "en-029", "en-us-nyc"),
      List.of(FEMALE, MALE, BaseVariant.parse("x1", List.of("language variant"))));

  private TestVoices() {}

  static Speaker speaker(BaseVariant variant) {
    return new Speaker("spk-test", Role.CUSTOMER, "en-us", variant, 1.0, 1.0, CorpusSplit.TRAIN);
  }
}
