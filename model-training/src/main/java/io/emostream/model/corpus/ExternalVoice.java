package io.emostream.model.corpus;

/**
 * A voice of a synthesiser other than espeak-ng, so that the corpus does not carry one
 * synthesiser's artefacts only. Festival voices come from their own Debian packages; flite ships
 * its voices built in.
 *
 * @param engine     {@code festival} or {@code flite}, as written to the manifest
 * @param voice      the synthesiser's voice name
 * @param aptPackage the Debian package that installs the voice
 */
public enum ExternalVoice {
  FESTIVAL_SLT_HTS("festival", "cmu_us_slt_arctic_hts", "festvox-us-slt-hts"),
  FESTIVAL_KAL("festival", "kal_diphone", "festvox-kallpc16k"),
  FLITE_SLT("flite", "slt", "flite"),
  FLITE_AWB("flite", "awb", "flite"),
  FLITE_RMS("flite", "rms", "flite"),
  // kal16 rather than flite's 8 kHz kal: one voice must not always arrive band-limited
  FLITE_KAL("flite", "kal16", "flite");

  private final String engine;
  private final String voice;
  private final String aptPackage;

  ExternalVoice(String engine, String voice, String aptPackage) {
    this.engine = engine;
    this.voice = voice;
    this.aptPackage = aptPackage;
  }

  public String engine() {
    return engine;
  }

  public String voice() {
    return voice;
  }

  public String aptPackage() {
    return aptPackage;
  }

  public boolean festival() {
    return engine.equals("festival");
  }
}
