package dev.outlookflow.runtime.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real browser: Debian's headless Chromium, driven through its ChromeDriver, with a profile of its own
 * (two instances are two people's browsers). For what only a browser decides, such as which cookies a
 * cross-site navigation carries.
 */
public final class Chromium implements AutoCloseable {
  private static final File BROWSER = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");
  private final ChromeDriver driver;

  public Chromium(Path profile) throws Exception {
    if (!BROWSER.canExecute() || !DRIVER.canExecute()) {
      throw new AssertionError("these tests need a real browser: install Debian's chromium and chromium-driver "
          + "(.ci/run does), which provide " + BROWSER + " and " + DRIVER);
    }
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions().setBinary(BROWSER);
    // Headless, and nothing that reaches beyond this machine: its network is closed.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath());
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  public void open(String url) {
    driver.get(url);
  }

  public String url() {
    return driver.getCurrentUrl();
  }

  public String title() {
    return driver.getTitle();
  }

  /** The text of the page's body, as a person reads it. */
  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Clicks the button with this text, or the element with this id, and waits for the page it leads to
   * (every click in these pages submits a form or follows a link).
   */
  public void click(String textOrId) {
    String before = driver.getCurrentUrl();
    var byId = driver.findElements(By.id(textOrId));
    (byId.isEmpty() ? driver.findElement(By.xpath("//button[normalize-space()='" + textOrId + "']")) : byId.get(0))
        .click();
    Eventually.await("the page after clicking '" + textOrId + "'", Duration.ofSeconds(30),
        () -> !driver.getCurrentUrl().equals(before)
            && "complete".equals(driver.executeScript("return document.readyState")) ? true : null);
  }

  public String attribute(String id, String name) {
    return driver.findElement(By.id(id)).getDomAttribute(name);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
