package dev.outlookflow.testplugin;

import org.pf4j.Plugin;

/** Entry point of the test plugin; the extensions are found through PF4J's extension index. */
public class TestPlugin extends Plugin {}
