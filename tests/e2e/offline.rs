//! Offline as a test (issue 14): `scripts/test` runs this binary through `tests/tools/offline`, in a network
//! namespace where only loopback is up, and says so with `GCM_E2E_OFFLINE=1`; here we check that it really is
//! offline, and that the app and its WebKit processes, visiting every view in both languages under strace, open
//! no socket but Unix, netlink and loopback ones.

use crate::harness::{Error, Result, Session};
use crate::{english, has_cyrillic, nav_views, show, DURING_THE_WORKSHOP};
use std::collections::{BTreeMap, BTreeSet};
use std::io::{ErrorKind, Write};
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

/// Prints past libtest's capture (which takes only `print!` and `eprint!`), so the run's log shows it.
fn tell(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

// ---------------------------------------------------------------------------------------------------------------
// The namespace

/// The interfaces of this process's network namespace, from `/proc/self/net/dev` (`/sys/class/net` shows the
/// namespace that mounted `/sys`, not ours).
fn interfaces(proc_net_dev: &str) -> Vec<String> {
    proc_net_dev.lines().filter_map(|l| l.split_once(':')).map(|(name, _)| name.trim().to_owned()).collect()
}

#[test]
fn interfaces_from_proc_net_dev() {
    let text = "Inter-|   Receive                            |  Transmit\n \
                face |bytes    packets errs drop fifo frame|bytes    packets\n    \
                lo:       0       0    0    0    0     0        0       0\n  \
                eth0: 1234      10    0    0    0     0     5678      20\n";
    assert_eq!(interfaces(text), ["lo", "eth0"]);
}

#[test]
fn offline_when_required() {
    if std::env::var("GCM_E2E_OFFLINE").as_deref() != Ok("1") {
        tell(
            "offline: GCM_E2E_OFFLINE is not 1, so this run may reach the network; scripts/test runs the \
             end-to-end tests through tests/tools/offline",
        );
        return;
    }
    let dev = std::fs::read_to_string("/proc/self/net/dev").expect("/proc/self/net/dev is readable");
    assert_eq!(interfaces(&dev), ["lo"], "GCM_E2E_OFFLINE=1, but this network namespace has more than loopback");
    // No route out: an address of the documentation ranges is unreachable at once, in both families.
    for addr in ["192.0.2.1:80", "[2001:db8::1]:80"] {
        let addr: SocketAddr = addr.parse().unwrap();
        let err = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).expect_err("reached the network");
        assert_eq!(err.kind(), ErrorKind::NetworkUnreachable, "connecting to {addr}: {err}");
    }
    // Loopback is up: WebDriver needs it.
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind on 127.0.0.1");
    TcpStream::connect(listener.local_addr().unwrap()).expect("loopback is up");
    tell("offline: this run's network namespace has only loopback (lo), and no route out");
}

// ---------------------------------------------------------------------------------------------------------------
// The socket check

/// What an strace log of socket calls shows: how many calls named each address family, the programs traced, and
/// the calls that made a socket of another family, named an address other than Unix, netlink or loopback, or looked
/// a name up.
#[derive(Debug, Default)]
struct Sockets {
    families: BTreeMap<String, usize>,
    /// The file names of the programs the traced processes ran (`execve`).
    programs: BTreeSet<String>,
    offending: Vec<String>,
}

/// Families a socket may be made in: Unix (X11, D-Bus, WebKit's own IPC), netlink (GLib's network monitor asks the
/// kernel about interfaces and routes through it) and IP (the WebKit inspector that WebKitWebDriver reaches over
/// loopback). Each IP address used must be loopback.
const ALLOWED_FAMILIES: [&str; 5] = ["AF_UNIX", "AF_LOCAL", "AF_NETLINK", "AF_INET", "AF_INET6"];

/// Reads an strace log (`strace -f -o`, lines `PID syscall(args) = result`). Fails closed: an IP address it cannot
/// read is offending.
fn sockets(log: &str) -> Sockets {
    let mut out = Sockets::default();
    for line in log.lines() {
        let call = match line.split_once(' ') {
            Some((pid, rest)) if pid.bytes().all(|b| b.is_ascii_digit()) => rest.trim_start(),
            _ => line,
        };
        // Signals, exits, and the second half of a call whose arguments were printed with its first half.
        if call.starts_with("---") || call.starts_with("+++") || call.starts_with("<...") {
            continue;
        }
        if let Some(args) = call.strip_prefix("execve(") {
            // A failed execve is a search along PATH, not a program run.
            if let Some(path) = quoted_after(args, "").filter(|_| !args.contains(" = -1 ")) {
                out.programs.insert(path.rsplit('/').next().unwrap_or(path).to_owned());
            }
            continue;
        }
        let mut problems = Vec::new();
        if let Some(args) = call.strip_prefix("socket(") {
            let family = args.split([',', ')']).next().unwrap_or("").trim();
            *out.families.entry(family.to_owned()).or_default() += 1;
            if !ALLOWED_FAMILIES.contains(&family) {
                problems.push(format!("a socket of family {family}"));
            }
        }
        for (i, _) in call.match_indices("sa_family=") {
            let rest = &call[i + "sa_family=".len()..];
            let family = rest.split([',', '}']).next().unwrap_or("").trim();
            // The address itself lies inside this sockaddr's braces.
            let addr = &rest[..rest.find('}').unwrap_or(rest.len())];
            *out.families.entry(family.to_owned()).or_default() += 1;
            // A name lookup is a step towards the network even when it goes to a resolver on loopback
            // (systemd-resolved's 127.0.0.53 and its Unix socket, dnsmasq): a DNS port or resolved's socket offends.
            if addr.contains("port=htons(53)") {
                problems.push("a DNS query (port 53)".into());
            }
            match family {
                "AF_UNIX" | "AF_LOCAL" if addr.contains("/run/systemd/resolve/") => {
                    problems.push("a name lookup through systemd-resolved".into())
                }
                "AF_UNIX" | "AF_LOCAL" | "AF_NETLINK" | "AF_UNSPEC" => {}
                "AF_INET" => match quoted_after(addr, "inet_addr(").and_then(|a| a.parse::<Ipv4Addr>().ok()) {
                    Some(ip) if ip.is_loopback() => {}
                    Some(ip) => problems.push(format!("the address {ip}")),
                    None => problems.push("an AF_INET address that cannot be read".into()),
                },
                "AF_INET6" => {
                    match quoted_after(addr, "inet_pton(AF_INET6,").and_then(|a| a.parse::<Ipv6Addr>().ok()) {
                        Some(ip) if ip.is_loopback() || ip.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()) => {}
                        Some(ip) => problems.push(format!("the address {ip}")),
                        None => problems.push("an AF_INET6 address that cannot be read".into()),
                    }
                }
                other => problems.push(format!("an address of family {other}")),
            }
        }
        if !problems.is_empty() {
            out.offending.push(format!("{}: {line}", problems.join(", ")));
        }
    }
    out
}

/// The first `"…"` after `marker` in `text`.
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = &text[text.find(marker)? + marker.len()..];
    let start = rest.find('"')? + 1;
    let len = rest[start..].find('"')?;
    Some(&rest[start..start + len])
}

#[test]
fn strace_lines() {
    /// `ok`: whether the line passes the check.
    fn check(line: &str, ok: bool) {
        let found = sockets(line);
        assert_eq!(found.offending.is_empty(), ok, "{line}\n{found:?}");
    }
    // Allowed: Unix sockets (named and abstract), netlink, loopback in both families, an unspecified address.
    check(r#"4242 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3"#, true);
    check(r#"4242 connect(3, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X0"}, 110) = 0"#, true);
    check(r#"4242 connect(3, {sa_family=AF_UNIX, sun_path=@"/tmp/dbus-abc"}, 20) = 0"#, true);
    check(r#"4242 socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 9"#, true);
    check(r#"4242 bind(9, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=0x000441}, 12) = 0"#, true);
    check(r#"4242 sendto(9, ""..., 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20"#, true);
    check(r#"4242 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 12"#, true);
    check(r#"4242 bind(12, {sa_family=AF_INET, sin_port=htons(4445), sin_addr=inet_addr("127.0.0.1")}, 16) = 0"#, true);
    check(r#"4242 listen(12, 128) = 0"#, true);
    check(r#"4242 connect(7, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.3.2.1")}, 16) = 0"#, true);
    check(
        r#"4243 connect(5, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0"#,
        true,
    );
    check(
        r#"4243 connect(5, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::ffff:127.0.0.1", &sin6_addr), sin6_scope_id=0}, 28) = 0"#,
        true,
    );
    check(r#"4243 connect(5, {sa_family=AF_UNSPEC, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 16) = 0"#, true);
    check(
        r#"4243 connect(5, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}, 16 <unfinished ...>"#,
        true,
    );
    check(r#"4243 <... connect resumed>) = 0"#, true);
    check(r#"4243 +++ exited with 0 +++"#, true);
    check(r#"4243 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=4244} ---"#, true);
    check(
        r#"sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=""..., iov_len=8}], msg_iovlen=1}, 0) = 8"#,
        true,
    );

    // Offending: a remote address in any call or family, even when the namespace refused it; an unspecified
    // (all interfaces) address; a socket of another family; an address that cannot be read.
    check(
        r#"4242 connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16) = -1 ENETUNREACH (Network is unreachable)"#,
        false,
    );
    check(
        r#"4242 connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16 <unfinished ...>"#,
        false,
    );
    check(
        r#"4242 sendto(4, ""..., 36, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.0.0.1")}, 16) = 36"#,
        false,
    );
    check(
        r#"4242 sendmsg(4, {msg_name={sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, msg_namelen=16, msg_iov=[{iov_base=""..., iov_len=36}], msg_iovlen=1}, 0) = 36"#,
        false,
    );
    check(
        r#"4242 sendmmsg(4, [{msg_hdr={msg_name={sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, msg_namelen=28}}], 1, 0) = 1"#,
        false,
    );
    check(
        r#"4243 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:2800:220:1:248:1893:25c8:1946", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (Network is unreachable)"#,
        false,
    );
    check(r#"4242 bind(12, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("0.0.0.0")}, 16) = 0"#, false);
    check(r#"4242 socket(AF_PACKET, SOCK_RAW, 768) = 3"#, false);
    check(r#"4242 socket(AF_BLUETOOTH, SOCK_STREAM, BTPROTO_RFCOMM) = -1 EAFNOSUPPORT"#, false);
    check(r#"4242 bind(3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=2}, 20) = 0"#, false);
    check(r#"4242 connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=???}, 16) = 0"#, false);
    check(
        r#"4242 connect(3, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 0"#,
        false,
    );
    check(
        r#"4242 sendto(3, ""..., 29, MSG_NOSIGNAL, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 29"#,
        false,
    );
    check(r#"4242 connect(3, {sa_family=AF_UNIX, sun_path="/run/systemd/resolve/io.systemd.Resolve"}, 42) = 0"#, false);

    // The report: families counted over calls, one entry per offending call, the programs run.
    let log = "10 execve(\"/usr/bin/gcm-workshop\", [\"\"...], 0x7ffd /* 30 vars */) = 0\n\
               11 execve(\"/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/WebKitWebProcess\", [\"\"...], 0x7f /* 31 vars */) = 0\n\
               11 execve(\"/root/.cargo/bin/dbus-launch\", [...], 0x7f /* 31 vars */) = -1 ENOENT (No such file or directory)\n\
               10 socket(AF_UNIX, SOCK_STREAM, 0) = 3\n\
               11 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = 4\n\
               11 connect(4, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"93.184.216.34\")}, 16) = -1 ENETUNREACH (Network is unreachable)\n";
    let found = sockets(log);
    assert_eq!(found.families, BTreeMap::from([("AF_UNIX".into(), 1), ("AF_INET".into(), 2)]));
    assert_eq!(found.programs, BTreeSet::from(["WebKitWebProcess".into(), "gcm-workshop".into()]));
    assert_eq!(found.offending.len(), 1);
    assert!(found.offending[0].starts_with("the address 93.184.216.34: 11 connect(4,"), "{:?}", found.offending);
}

/// Every view in both languages with the app under strace: every socket it and its WebKit processes made was a
/// Unix, netlink or loopback one. (Join and the resource links are left alone: they hand a URL to the browser,
/// which is the participant's own network use, not the app's.)
#[tokio::test]
async fn only_unix_and_loopback_sockets() -> Result<()> {
    let s = Session::start(english().env("GCM_WORKSHOP_NOW", DURING_THE_WORKSHOP).strace()).await?;
    let log = s.strace_log().expect("started with strace").to_owned();
    let views = nav_views(&s).await?;
    assert!(views.len() >= 8, "views in the navigation: {views:?}");
    for view in &views {
        show(&s, view).await?;
    }
    s.click("button[data-lang=\"ru\"]").await?;
    s.wait_lang("ru").await?;
    for view in &views {
        show(&s, view).await?;
        s.wait_text(&format!("main#main[data-view=\"{view}\"] h1"), "Russian (Cyrillic)", has_cyrillic).await?;
    }
    s.close().await?;

    let text = std::fs::read_to_string(&log)
        .map_err(|e| Error::msg(format!("cannot read strace's log {}: {e}", log.display())))?;
    let found = sockets(&text);
    // strace followed the app into its WebKit processes, and saw the app's X11 connection at least.
    assert!(found.families.contains_key("AF_UNIX"), "no Unix socket in {}: was the app traced?", log.display());
    for program in ["WebKitWebProcess", "WebKitNetworkProcess"] {
        let ran = &found.programs;
        assert!(ran.contains(program), "{program} was not traced (programs run: {ran:?}; {})", log.display());
    }
    let families: Vec<String> = found.families.iter().map(|(f, n)| format!("{f} ×{n}")).collect();
    tell(&format!(
        "offline: {} views × 2 languages; programs traced: {}; socket families seen: {} (log: {})",
        views.len(),
        found.programs.iter().cloned().collect::<Vec<_>>().join(", "),
        families.join(", "),
        log.display()
    ));
    assert!(
        found.offending.is_empty(),
        "the app or its WebKit processes used sockets other than Unix and loopback ones ({}):\n{}",
        log.display(),
        found.offending.join("\n")
    );
    Ok(())
}
