package org.habitatj.ij;

import ij.IJ;
import java.awt.GraphicsEnvironment;
import java.util.concurrent.atomic.AtomicInteger;
import org.habitatj.core.progress.Progress;

/**
 * {@link Progress} for ImageJ: status line and progress bar, cancelled by the Esc key
 * ({@link IJ#escapePressed()}). Headless, status lines and every 10 % of progress go to the log
 * (standard output) instead, and nothing graphical is touched (case C20).
 */
public final class IjProgress implements Progress {

  private final String prefix;
  private final boolean headless;
  private final AtomicInteger lastDecile = new AtomicInteger(-1);

  private IjProgress(String prefix, boolean headless) {
    this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + ": ";
    this.headless = headless;
  }

  /**
   * A progress for a command titled {@code title}; resets the Esc flag so an earlier Esc does not
   * cancel this run.
   */
  public static Progress create(String title) {
    boolean headless = GraphicsEnvironment.isHeadless();
    if (!headless) {
      IJ.resetEscape();
    }
    return new IjProgress(title, headless);
  }

  @Override
  public void status(String message) {
    if (headless) {
      IJ.log(prefix + message);
    } else {
      IJ.showStatus(prefix + message);
    }
  }

  @Override
  public void fraction(double done) {
    double f = Math.max(0, Math.min(1, done));
    if (headless) {
      int decile = (int) Math.floor(f * 10);
      int prev = lastDecile.get();
      if (decile > prev && lastDecile.compareAndSet(prev, decile)) {
        IJ.log(prefix + (decile * 10) + " %");
      }
    } else {
      IJ.showProgress(f);
    }
  }

  @Override
  public boolean isCanceled() {
    return !headless && IJ.escapePressed();
  }
}
