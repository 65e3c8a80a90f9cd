/** The operator's command line, run as a child process against a running server's database. */
package org.signalaudit.cli;
