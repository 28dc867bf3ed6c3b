"""Summarises `jfr print --events jdk.ExecutionSample` output: the share of samples whose stack passes through each
frame (inclusive), for Regard's own methods and for a few well-known layers, and the hottest top-of-stack frames."""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\(")
LAYERS = {
    "language detection (Lingua)": "com.github.pemistahl.lingua",
    "search folding and stemming": "org.regard.search",
    "JDBC driver (PostgreSQL)": "org.postgresql",
    "JDBC driver (H2)": "org.h2",
    "Hikari pool": "com.zaxxer.hikari",
    "Jackson": "tools.jackson",
    "Spring Security": "org.springframework.security",
    "Spring Session": "org.springframework.session",
    "Modulith event registry": "org.springframework.modulith",
    "Tomcat": "org.apache.catalina",
}


def samples(path):
    stack = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("jdk.ExecutionSample"):
                if stack:
                    yield stack
                stack = []
                continue
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))
    if stack:
        yield stack


def main(path):
    total = 0
    own = collections.Counter()
    layers = collections.Counter()
    top = collections.Counter()
    for stack in samples(path):
        total += 1
        top[stack[0]] += 1
        for frame in set(stack):
            if frame.startswith("org.regard."):
                own[frame] += 1
        for name, prefix in LAYERS.items():
            if any(fr.startswith(prefix) for fr in stack):
                layers[name] += 1
    if not total:
        print("no samples")
        return
    print(f"{total} samples")
    print("\nlayers (share of samples passing through):")
    for name, n in layers.most_common():
        print(f"  {100.0 * n / total:5.1f} %  {name}")
    print("\nRegard's methods (inclusive):")
    for frame, n in own.most_common(25):
        print(f"  {100.0 * n / total:5.1f} %  {frame}")
    print("\ntop of stack:")
    for frame, n in top.most_common(15):
        print(f"  {100.0 * n / total:5.1f} %  {frame}")


if __name__ == "__main__":
    main(sys.argv[1])


def attribution(path):
    """Each sample goes to the layer of the frame nearest the top of its stack that belongs to a named layer."""
    names = dict(LAYERS)
    names.update({"Spring Data JDBC mapping": "org.springframework.data", "Spring JDBC": "org.springframework.jdbc",
                  "Regard": "org.regard", "JDK reflection": "jdk.internal.reflect",
                  "Spring MVC": "org.springframework.web", "Spring transactions": "org.springframework.transaction"})
    counts = collections.Counter()
    total = 0
    for stack in samples(path):
        total += 1
        for frame in stack:
            hit = next((n for n, p in names.items() if frame.startswith(p)), None)
            if hit:
                counts[hit] += 1
                break
        else:
            counts["other (JDK, JIT, GC-adjacent)"] += 1
    print("\nnearest layer to the top of the stack (self time by layer):")
    for name, n in counts.most_common():
        print(f"  {100.0 * n / total:5.1f} %  {name}")


if __name__ == "__main__" and len(sys.argv) > 1:
    attribution(sys.argv[1])
