#!/usr/bin/env bash
# Builds syntop's artefacts from the built jar and the generated manual pages and completion:
#   DIST/syntop-VERSION-linux-x86_64/         a self-contained tree with its own Java runtime
#   DIST/syntop-VERSION-linux-x86_64.tar.gz   (and .tar.xz when that is smaller)
#   DIST/syntop_VERSION_amd64.deb
# Run by `mvn -DskipTests -Ppackage package` (tui/pom.xml) as:
#   build.sh VERSION JAR GENERATED_DIR DIST_DIR
# with JAVA_HOME set to a JDK 17 or newer that has jmods (jlink). Needs asciidoctor, dpkg-deb and
# dpkg-shlibdeps (Debian: asciidoctor, dpkg-dev).
set -euo pipefail
(($# == 4)) || { echo "usage: $0 VERSION JAR GENERATED_DIR DIST_DIR" >&2; exit 2; }
version=$1 jar=$(realpath "$2") generated=$(realpath "$3") dist=$(realpath -m "$4")
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
jdk=${JAVA_HOME:?JAVA_HOME must name the JDK whose jlink builds the runtime}
for tool in asciidoctor dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "package: $tool is missing (Debian: apt-get install asciidoctor dpkg-dev)" >&2; exit 2; }
done
[[ -x $jdk/bin/jlink && -d $jdk/jmods ]] || { echo "package: $jdk has no jlink or no jmods" >&2; exit 2; }
# Every file dated at the last commit, so two builds of one commit give the same archives.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)}
started=$(date +%s)
work_manpages=$(mktemp)

name="syntop-$version-linux-x86_64"
tree="$dist/$name"
rm -rf "$dist" && mkdir -p "$dist"

# --- manual pages: AsciiDoc (from the command line's model) to roff
man="$dist/man"
asciidoctor -b manpage -a reproducible -D "$man" "$generated"/adoc/*.adoc
gzip -9n "$man"/*.1

# --- the runtime: only the modules jdeps finds in the jar. Lanterna refers to java.awt.Color, so
# java.desktop stays, but the console runs headless and never loads AWT's native libraries: they and
# the font, sound and image libraries are left out (and with them any need for X11 or ALSA).
modules=$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps "$jar")
"$jdk/bin/jlink" --add-modules "$modules" --output "$dist/runtime" \
  --strip-debug --no-header-files --no-man-pages --vm=server \
  --exclude-files="$(printf '**/lib/%s,' libawt.so libawt_headless.so libawt_xawt.so libfontmanager.so libjawt.so \
    libjavajpeg.so libjsound.so liblcms.so libmlib_image.so libsplashscreen.so 'psfont*')" \
  --generate-cds-archive
rm -f "$dist/runtime/lib/server/classes_nocoops.jsa" # for heaps over 32 GB; syntop runs in 96 MB
# As dh_strip does: no symbol tables (the JDK's are there for debuggers), files writable by their owner.
find "$dist/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jexec -o -name jspawnhelper \) \
  -exec strip --remove-section=.comment --remove-section=.note --strip-unneeded {} +
chmod -R u+w,go-w "$dist/runtime"
echo "runtime: $modules ($(du -sh "$dist/runtime" | cut -f1))"

# --- the tree: PREFIX/bin/syntop finds PREFIX/lib/syntop (see the launcher)
lay_out() { # PREFIX ZSH_DIR
  local prefix=$1 zsh_dir=$2
  install -D -m 0755 "$repo/syntop" "$prefix/bin/syntop"
  install -D -m 0644 "$jar" "$prefix/lib/syntop/syntop.jar"
  install -D -m 0644 "$repo/tui/src/cds/classes.lst" "$prefix/lib/syntop/classes.lst"
  install -D -m 0755 "$here/cds-archive" "$prefix/lib/syntop/cds-archive"
  cp -a "$dist/runtime" "$prefix/lib/syntop/runtime"
  install -d "$prefix/share/man/man1"
  install -m 0644 "$man"/*.1.gz "$prefix/share/man/man1/"
  install -D -m 0644 "$generated/completion/syntop.bash" "$prefix/share/bash-completion/completions/syntop"
  install -D -m 0644 "$generated/completion/_syntop" "$prefix/$zsh_dir/_syntop"
  # a real capture that syntop parse reads (README's provenance: fixtures/macos/SOURCES.tsv)
  install -D -m 0644 "$repo/collectors/src/test/resources/fixtures/macos/10.8to10.10-stripchart/cmd/netstat-s-p-tcp.txt" \
    "$prefix/share/doc/syntop/examples/macos-10.8-netstat-s-p-tcp.txt"
}
lay_out "$tree" share/zsh/site-functions

tar_of() { # DIR -> tar on stdout, owned by root, in name order, dated at the commit
  tar -C "$(dirname "$1")" --owner=0 --group=0 --numeric-owner --sort=name --mtime="@$SOURCE_DATE_EPOCH" \
    -cf - "$(basename "$1")"
}
tar_of "$tree" | gzip -9n > "$dist/$name.tar.gz"
tar_of "$tree" | xz -6 -T2 > "$dist/$name.tar.xz"
if (($(stat -c %s "$dist/$name.tar.xz") >= $(stat -c %s "$dist/$name.tar.gz"))); then
  rm "$dist/$name.tar.xz"
fi

# --- the platform-independent tarball (no runtime: Java 17 or newer from the system), for Homebrew
# and the FreeBSD port, with the rc.d script for serve that the port installs
noarch="syntop-$version-noarch"
lay_out "$dist/$noarch" share/zsh/site-functions
rm -rf "$dist/$noarch/lib/syntop/runtime" "$dist/$noarch/lib/syntop/cds-archive" "$dist/$noarch/lib/syntop/classes.lst"
install -D -m 0755 "$repo/deploy/freebsd/syntop" "$dist/$noarch/share/syntop/rc.d/syntop"
tar_of "$dist/$noarch" | gzip -9n > "$dist/$noarch.tar.gz"
rm -rf "${dist:?}/$noarch"
sha256=$(sha256sum "$dist/$noarch.tar.gz" | cut -d' ' -f1)
# Where the release's files will be downloaded from and the project's home: not published yet, so
# the formula and the port carry what RELEASE_URL and HOMEPAGE say (placeholders otherwise).
release_url=${RELEASE_URL:-https://releases.invalid/syntop/$version} homepage=${HOMEPAGE:-https://syntop.invalid/}
fill() { sed -e "s|@VERSION@|$version|g" -e "s|@SHA256@|$sha256|g" -e "s|@RELEASE_URL@|$release_url|g" \
  -e "s|@HOMEPAGE@|$homepage|g" -e "s|@MAINTAINER@|${MAINTAINER:-maintainers@syntop.invalid}|g" "$@"; }
fill "$repo/deploy/homebrew/syntop.rb" > "$dist/syntop.rb"
port="$dist/freebsd/sysutils/syntop"
mkdir -p "$port"
fill "$repo/deploy/freebsd/port/sysutils/syntop/Makefile" > "$port/Makefile"
cp "$repo/deploy/freebsd/port/sysutils/syntop/pkg-descr" "$port/"
(cd "$man" && ls -1 *.1.gz | sed 's|^|share/man/man1/|') > "$work_manpages"
awk -v pages="$work_manpages" '/^@MANPAGES@$/ {while ((getline l < pages) > 0) print l; next} {print}' \
  "$repo/deploy/freebsd/port/sysutils/syntop/pkg-plist" > "$port/pkg-plist"
printf 'TIMESTAMP = %s\nSHA256 (%s.tar.gz) = %s\nSIZE (%s.tar.gz) = %s\n' "$SOURCE_DATE_EPOCH" "$noarch" "$sha256" \
  "$noarch" "$(stat -c %s "$dist/$noarch.tar.gz")" > "$port/distinfo"

# --- the Debian package, from a staged tree
stage="$dist/deb"
lay_out "$stage/usr" share/zsh/vendor-completions
install -D -m 0644 "$repo/deploy/debian/default" "$stage/etc/default/syntop"
# The shipped unit, with the packaged launcher in place of a java and a jar of one's own choosing.
install -d "$stage/lib/systemd/system"
sed -e 's|^ExecStart=.*|ExecStart=/usr/bin/syntop serve $SYNTOP_ARGS|' \
  -e '/^# Install:/,/^#  *systemctl daemon-reload/d' \
  "$repo/deploy/systemd/syntop-serve.service" > "$stage/lib/systemd/system/syntop-serve.service"
grep -q '^ExecStart=/usr/bin/syntop serve ' "$stage/lib/systemd/system/syntop-serve.service" \
  || { echo "package: the unit's ExecStart was not rewritten" >&2; exit 1; }
chmod 0644 "$stage/lib/systemd/system/syntop-serve.service"
install -D -m 0644 "$here/../debian/copyright" "$stage/usr/share/doc/syntop/copyright"
install -D -m 0644 "$here/../debian/lintian-overrides" "$stage/usr/share/lintian/overrides/syntop"
sed "s/@VERSION@/$version/; s/@DATE@/$(date -u -R -d "@$SOURCE_DATE_EPOCH")/" "$here/../debian/changelog" \
  | gzip -9n > "$stage/usr/share/doc/syntop/changelog.gz"
install -d "$stage/DEBIAN"
for script in postinst prerm postrm; do
  install -m 0755 "$here/../debian/$script" "$stage/DEBIAN/$script"
done
echo /etc/default/syntop > "$stage/DEBIAN/conffiles"

# Depends: what the runtime's native libraries link to, as dpkg-shlibdeps finds it; the runtime's
# own libraries (libjvm, libjava, …) are private to the package.
shlibs=$(mktemp -d)
mkdir -p "$shlibs/debian"
printf 'Source: syntop\n\nPackage: syntop\nArchitecture: amd64\n' > "$shlibs/debian/control"
mapfile -t elves < <(find "$stage/usr/lib/syntop/runtime" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jexec -o -name jspawnhelper \) \
  -exec sh -c 'head -c 4 "$1" | grep -q ELF' _ {} \; -print)
depends=$(cd "$shlibs" && dpkg-shlibdeps -O -S"$stage" \
  -l"$stage/usr/lib/syntop/runtime/lib" -l"$stage/usr/lib/syntop/runtime/lib/server" "${elves[@]}" 2>"$shlibs/warnings" \
  | sed -n 's/^shlibs:Depends=//p')
[[ -n $depends ]] || { echo "package: dpkg-shlibdeps found no dependencies:" >&2; cat "$shlibs/warnings" >&2; exit 1; }
rm -rf "$shlibs"

installed_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@DEPENDS@/$depends/" -e "s/@INSTALLED_SIZE@/$installed_kb/" \
  "$here/../debian/control" > "$stage/DEBIAN/control"
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$stage" "$dist/syntop_${version}_amd64.deb" >/dev/null

rm -rf "$dist/runtime" "$man" "$stage" "$work_manpages"
echo "package: Depends: $depends"
echo "package: built in $(($(date +%s) - started)) s:"
ls -l "$dist" | sed -n '2,$p'
