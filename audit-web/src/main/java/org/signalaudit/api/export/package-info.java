/**
 * The file formats of the audit export: CSV for spreadsheets (Apache Commons CSV quotes, and
 * cells a spreadsheet would run as a formula are neutralised) and JSON Lines for programs. Each
 * writes one row at a time; neither holds more than a row.
 */
package org.signalaudit.api.export;
