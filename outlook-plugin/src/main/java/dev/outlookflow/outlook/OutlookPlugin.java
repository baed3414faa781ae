package dev.outlookflow.outlook;

import org.pf4j.Plugin;

/** The Outlook plugin's entry point; its extensions are found through PF4J's extension index. */
public class OutlookPlugin extends Plugin {}
