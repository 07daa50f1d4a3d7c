package org.habitatj.it;

import ij.IJ;
import ij.ImageJ;
import ij.ImagePlus;
import ij.WindowManager;
import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Takes the README screenshots (docs/*.png) in a real ImageJ 1.x window under Xvfb. Not a test; run
 * manually after {@code mvn package}:
 *
 * <pre>
 * xvfb-run -a -s "-screen 0 1400x1000x24" java -cp "target/test-classes:$(cat target/classpath.txt)" \
 *     org.habitatj.it.Screenshots
 * </pre>
 */
public final class Screenshots {

  public static void main(String[] args) throws Exception {
    Path ijDir = ImageJ1.install(Path.of("target", "screenshots-ij"), false, List.of());
    System.setProperty("plugins.dir", ijDir.toAbsolutePath().toString());
    Path docs = Path.of("docs");
    new ImageJ();
    Robot robot = new Robot();
    Thread.sleep(1500);
    Path img = Path.of("test-images/STS_008/MR_T1_image.nii.gz").toAbsolutePath();
    Path msk = Path.of("test-images/STS_008/MR_T1_mask.nii.gz").toAbsolutePath();
    IJ.run("NIfTI/NRRD (HabitatJ)...", "open=[" + img + "]");
    ImagePlus imp = IJ.getImage();
    imp.setSlice(13);
    IJ.run(imp, "Enhance Contrast", "saturated=0.35");
    IJ.run("In [+]");
    IJ.run("In [+]");
    Thread.sleep(800);

    // the dialog, built from the command's parameters
    Thread dialog = new Thread(() -> IJ.run("Run ITH Pipeline"), "Run$_screenshot");
    dialog.start();
    Thread.sleep(5000);
    Window d = find("Run ITH Pipeline");
    d.setLocation(700, 100);
    d.toFront();
    Thread.sleep(1500);
    capture(robot, d, docs.resolve("dialog.png"));
    d.dispatchEvent(new WindowEvent(d, WindowEvent.WINDOW_CLOSING));
    dialog.join(5000);

    // the pipeline from a macro line, habitat overlay shown
    IJ.run("Run ITH Pipeline", "image=[MR_T1_image.nii.gz] mask_source=[mask file] mask_file=["
        + msk + "] habitats=6 seed=0 case_id=STS_008 output_dir=[]");
    ImagePlus ov = WindowManager.getCurrentImage();
    IJ.run(ov, "Scale...", "x=5 y=5 interpolation=None create title=[STS_008 habitats (x5)]");
    Thread.sleep(1500);
    capture(robot, WindowManager.getCurrentWindow(), docs.resolve("habitat_overlay.png"));
    Frame results = WindowManager.getFrame("Results");
    if (results != null) {
      results.setSize(900, 160);
      Thread.sleep(800);
      capture(robot, results, docs.resolve("results.png"));
    }

    // the bundled (illustrative) nomogram
    IJ.run("Draw Nomogram", "model_file=[] width=900");
    Thread.sleep(1500);
    capture(robot, WindowManager.getCurrentWindow(), docs.resolve("nomogram.png"));

    // the Plugins > HabitatJ menu: click "Plugins" in the menu bar, then hover "HabitatJ"
    IJ.run("Close All");
    if (results != null) {
      results.dispose();
    }
    ImageJ ij = IJ.getInstance();
    ij.setLocation(0, 0);
    ij.toFront();
    Thread.sleep(800);
    Rectangle b = ij.getBounds();
    int menuY = b.y + Integer.parseInt(System.getProperty("menuY", "12"));
    robot.mouseMove(b.x + Integer.parseInt(System.getProperty("pluginsX", "330")), menuY);
    robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
    robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
    Thread.sleep(1000);
    String hy = System.getProperty("habitatjY", "156");
    if (hy != null) {
      robot.mouseMove(b.x + Integer.parseInt(System.getProperty("pluginsX", "330")) + 20,
          b.y + Integer.parseInt(hy));
      Thread.sleep(400);
      robot.mousePress(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
      robot.mouseRelease(java.awt.event.InputEvent.BUTTON1_DOWN_MASK);
      Thread.sleep(1200);
    }
    BufferedImage menu = robot.createScreenCapture(new Rectangle(b.x, b.y, 720, 370));
    ImageIO.write(menu, "png", docs.resolve("menu.png").toFile());
    System.out.println("wrote docs/menu.png");
    System.exit(0);
  }

  private static Window find(String title) {
    for (Window w : Window.getWindows()) {
      if (w.isShowing() && w instanceof java.awt.Dialog dd && title.equals(dd.getTitle())) {
        return w;
      }
    }
    throw new IllegalStateException("no window titled " + title);
  }

  private static void capture(Robot robot, Window w, Path file) throws Exception {
    w.toFront();
    Thread.sleep(600);
    Rectangle r = w.getBounds();
    BufferedImage bi = robot.createScreenCapture(r);
    ImageIO.write(bi, "png", new File(file.toString()));
    System.out.println("wrote " + file + " " + r.width + "x" + r.height);
  }
}
