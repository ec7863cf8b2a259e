# Homebrew formula for syntop. The build (deploy/package/build.sh) writes a copy with the release's
# version, download address and checksum into tui/target/dist/syntop.rb; publish that one in a tap.
# It installs the platform-independent tarball: the jar, the launcher, manual pages and completion;
# Homebrew's openjdk@17 runs it.
class Syntop < Formula
  desc "Top-like console for a server's TCP stack under attack"
  homepage "@HOMEPAGE@"
  url "@RELEASE_URL@/syntop-@VERSION@-noarch.tar.gz"
  sha256 "@SHA256@"

  depends_on "openjdk@17"

  def install
    # The launcher finds lib/syntop/syntop.jar beside its own bin/, through the symlink Homebrew makes.
    libexec.install "bin", "lib"
    (bin/"syntop").write_env_script libexec/"bin/syntop", Language::Java.overridable_java_home_env("17")
    man1.install Dir["share/man/man1/*.1.gz"]
    bash_completion.install "share/bash-completion/completions/syntop"
    zsh_completion.install "share/zsh/site-functions/_syntop"
    pkgshare.install "share/doc/syntop/examples"
  end

  def caveats
    <<~EOS
      syntop reads netstat, sysctl and pfctl. macOS shows TCP statistics and pf only to root:
        sudo syntop
    EOS
  end

  test do
    assert_match "syntop #{version}", shell_output("#{bin}/syntop --version")
    # a real `netstat -s -p tcp` of macOS 10.8-10.10, as syntop parse reads what a cron job saved
    capture = pkgshare/"examples/macos-10.8-netstat-s-p-tcp.txt"
    output = shell_output("#{bin}/syntop parse --platform macos --source netstat-s-p-tcp #{capture}")
    assert_match(/"listen_overflows": 21\b/, output)
    assert_match(/"unparsed": \[\]/, output)
  end
end
