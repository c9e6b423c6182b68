#!/usr/bin/env python3
"""Checks the order of each C# file's using directives as `dotnet format` orders them (.editorconfig:
dotnet_sort_system_directives_first): namespaces, then `using static`, then aliases; System first; each group sorted
by name, part by part, ignoring case. Prints every file out of order and exits 1 if there is one."""
import re, subprocess, sys

USING = re.compile(r"^using (static )?(?:(\w+) = )?([\w.]+);")

def key(line):
    m = USING.match(line)
    static, alias, name = m.group(1), m.group(2), m.group(3)
    group = 2 if alias else 1 if static else 0
    target = alias or name
    parts = target.split(".")
    return (group, parts[0] != "System", [p.lower() for p in parts], parts)

def directives(path):
    lines = []
    for line in open(path, encoding="utf-8-sig"):
        s = line.strip()
        if s.startswith("using ") and USING.match(s):
            lines.append(s)
        elif s and not s.startswith("//") and not s.startswith("#"):
            break
    return lines

files = subprocess.run(["git", "ls-files", "*.cs"], capture_output=True, text=True, check=True).stdout.split()
bad = [f for f in files if "/Migrations/" not in f and (d := directives(f)) and [key(x) for x in d] != sorted(key(x) for x in d)]
for f in bad:
    print(f"{f}: using directives out of order (System first, then by name; `dotnet format` fixes it)")
sys.exit(1 if bad else 0)
