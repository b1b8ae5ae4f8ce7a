package io.emostream.model.evaluation.real;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TutorialVoiceClipsTest {

  @Test
  void shouldPairEachSoundWithTheMessageShownBesideIt() {
    String script = """
        var steps = [
        \t\t{"audio": "tut1.ogg", "clear": false, "message": _("In this training session you'll learn"), "state": 0},
        \t\t{"audio": "tut6.ogg", "clear": false, "message": undefined, "state": 2, "wait": 2},
        \t\t{"audio": "tut7.ogg", "clear": false, "message": _("Left click the \\"flashing\\" icon"), "wait": 4},
        \t\t{"audio": "tut81.ogg", "clear": false, "message": _("Congratulations commander - you are ready"), "wait": 2},
        ];
        setReticuleButton(BUILD_BUTTON, _("Build (F3)"), "image_build_up.png", "image_build_down.png");
        """;

    assertThat(TutorialVoiceClips.steps(script)).containsExactly(
        new TutorialVoiceClips.Step("tut1.ogg", "In this training session you'll learn"),
        new TutorialVoiceClips.Step("tut7.ogg", "Left click the \"flashing\" icon"),
        new TutorialVoiceClips.Step("tut81.ogg", "Congratulations commander - you are ready"));
  }

  @Test
  void shouldFindNothingInAScriptWithoutSpokenSteps() {
    assertThat(TutorialVoiceClips.steps("setReticuleButton(BUILD_BUTTON, _(\"Build (F3)\"));")).isEqualTo(List.of());
  }
}
