#!/usr/bin/env python3
"""Prints every test class's time from Surefire's XML reports, slowest first, so a slow class stands out in CI."""
import glob
import xml.etree.ElementTree as ET

rows = []
for report in glob.glob("**/target/surefire-reports/TEST-*.xml", recursive=True):
    suite = ET.parse(report).getroot()
    rows.append((float(suite.get("time", "0")), int(suite.get("tests", "0")), suite.get("name", report)))
rows.sort(reverse=True)
print(f"Test classes by time ({len(rows)} classes, {sum(r[0] for r in rows):.0f} s in all):")
for seconds, tests, name in rows:
    print(f"{seconds:8.1f} s {tests:5d} tests  {name}")
