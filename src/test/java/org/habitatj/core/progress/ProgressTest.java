package org.habitatj.core.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  /** Records what reaches it; cancelled once {@code cancel[0]} is set. */
  static final class Recorder implements Progress {
    final List<String> status = new ArrayList<>();
    final List<Double> fractions = new ArrayList<>();
    final boolean[] cancel = {false};

    @Override
    public void status(String message) {
      status.add(message);
    }

    @Override
    public void fraction(double done) {
      fractions.add(done);
    }

    @Override
    public boolean isCanceled() {
      return cancel[0];
    }
  }

  @Test
  void rangeMapsStageFractionsAndPassesStatusAndCancel() {
    Recorder r = new Recorder();
    Progress stage = r.range(0.3, 0.8);
    stage.fraction(0);
    stage.fraction(0.5);
    stage.fraction(1);
    // 0.3 + 0.5 * f
    assertEquals(List.of(0.3, 0.55, 0.8), r.fractions);
    // nested: the second half of the stage is 0.55..0.8 of the job
    stage.range(0.5, 1).fraction(0.5);
    assertEquals(0.675, r.fractions.get(3), 1e-15);
    stage.status("GLCM");
    assertEquals(List.of("GLCM"), r.status);
    stage.checkCanceled();
    r.cancel[0] = true;
    assertThrows(CanceledException.class, stage::checkCanceled);
  }
}
