#!/usr/bin/env python3
"""Prints every test class's time from Surefire's XML reports, slowest first, so a slow class stands out in CI,
then the totals of the whole run (every module) on one closing line."""
import glob
import xml.etree.ElementTree as ET

rows = []
failed = skipped = 0
for report in glob.glob("**/target/surefire-reports/TEST-*.xml", recursive=True):
    suite = ET.parse(report).getroot()
    rows.append((float(suite.get("time", "0")), int(suite.get("tests", "0")), suite.get("name", report)))
    failed += int(suite.get("failures", "0")) + int(suite.get("errors", "0"))
    skipped += int(suite.get("skipped", "0"))
rows.sort(reverse=True)
print(f"Test classes by time ({len(rows)} classes, {sum(r[0] for r in rows):.0f} s in all):")
for seconds, tests, name in rows:
    print(f"{seconds:8.1f} s {tests:5d} tests  {name}")
total = sum(r[1] for r in rows)
print(f"Tests: {total - failed - skipped} passed, {failed} failed, {skipped} skipped")
