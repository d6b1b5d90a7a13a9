# deps.sh - shared by quickstart.sh and test.sh: install the Debian packages quotediff
# needs when they are missing.  Sourced, not run.

# Packages to build and test; callers may add to QD_PACKAGES before calling qd_install.
QD_PACKAGES="${QD_PACKAGES:-} gcc meson ninja-build pkg-config python3 libxml2-dev libjansson-dev libstemmer-dev libcmocka-dev zlib1g-dev"
# the distributed test runs quotediff on a local Dask cluster
QD_PACKAGES="$QD_PACKAGES python3-distributed"

qd_install() {
    local missing=""
    for p in $QD_PACKAGES; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    if [ -z "$missing" ]; then
        echo "quotediff: all required packages are installed"
        return 0
    fi
    echo "quotediff: installing:$missing"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo="sudo"
        else
            echo "quotediff: missing packages:$missing (run as root or install them with apt-get)" >&2
            return 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq || return 1
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq --no-install-recommends $missing || return 1
}

# Configure a build directory once; later runs only rebuild.
qd_setup() {
    local dir="$1"; shift
    if [ ! -f "$dir/build.ninja" ]; then
        meson setup "$dir" "$@" >/dev/null || return 1
    fi
}
