#!/usr/bin/env bash
# Uploads the photos the build wrote to _media/ to the media host's bucket, before the pages that
# name them are deployed (npm run upload:media; both deploys run it after npm run check:site).
# Without MEDIA_URL the photos are in the site and there is nothing to upload.
#
# Only files the bucket lacks are sent: the names carry their contents' hash, so a name already
# there is the same photo (--immutable refuses to overwrite one that differs, --size-only compares
# without the modification times a fresh CI checkout changes). Nothing is ever deleted from the
# bucket. rclone's S3 backend speaks to AWS S3, Cloudflare R2, Backblaze B2 and Google Cloud
# Storage (with an HMAC key) alike; the settings come from the host's secrets:
#
#   MEDIA_BUCKET             the bucket and folder MEDIA_URL serves, e.g. wire-photos or wire-photos/photos
#   MEDIA_ACCESS_KEY_ID      a key that may list and write that bucket
#   MEDIA_SECRET_ACCESS_KEY  its secret
#   MEDIA_ENDPOINT           the S3 endpoint (R2: https://<account>.r2.cloudflarestorage.com; B2:
#                            https://s3.<region>.backblazeb2.com; GCS: https://storage.googleapis.com);
#                            empty for AWS S3
#   MEDIA_REGION             the bucket's region (AWS, B2); R2 and GCS take "auto", the default
#   MEDIA_PROVIDER           rclone's name for the service: AWS, Cloudflare, Other (the default) ...
set -euo pipefail

if [ -z "${MEDIA_URL:-}" ]; then
  echo "upload:media: MEDIA_URL is not set: the photos are published with the site, nothing to upload"
  exit 0
fi
if [ ! -d _media ]; then
  echo "upload:media: no _media/ folder: the site has no photo yet, nothing to upload"
  exit 0
fi
missing=()
for name in MEDIA_BUCKET MEDIA_ACCESS_KEY_ID MEDIA_SECRET_ACCESS_KEY; do
  [ -n "${!name:-}" ] || missing+=("$name")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "upload:media: ${missing[*]}: not set (expected the media host's bucket and a key for it in the host's secrets; see README.md, \"Photos on a media host\")" >&2
  exit 1
fi

RCLONE_VERSION=v1.69.1
if ! command -v rclone >/dev/null; then
  # A pinned release, unpacked into the project's own folder: the deploy may not write outside it.
  tools=.tools
  if [ ! -x "$tools/rclone" ]; then
    mkdir -p "$tools"
    curl -fsSL -o "$tools/rclone.zip" "https://downloads.rclone.org/$RCLONE_VERSION/rclone-$RCLONE_VERSION-linux-amd64.zip"
    unzip -q -j -o "$tools/rclone.zip" "rclone-$RCLONE_VERSION-linux-amd64/rclone" -d "$tools"
    rm "$tools/rclone.zip"
  fi
  PATH="$PWD/$tools:$PATH"
fi

# The remote is made from the environment, with no configuration file.
export RCLONE_CONFIG_MEDIA_TYPE=s3
export RCLONE_CONFIG_MEDIA_PROVIDER="${MEDIA_PROVIDER:-Other}"
export RCLONE_CONFIG_MEDIA_ACCESS_KEY_ID="$MEDIA_ACCESS_KEY_ID"
export RCLONE_CONFIG_MEDIA_SECRET_ACCESS_KEY="$MEDIA_SECRET_ACCESS_KEY"
export RCLONE_CONFIG_MEDIA_ENDPOINT="${MEDIA_ENDPOINT:-}"
export RCLONE_CONFIG_MEDIA_REGION="${MEDIA_REGION:-auto}"
# Without it rclone asks the bucket to be made, which a key limited to one bucket may not do.
export RCLONE_CONFIG_MEDIA_NO_CHECK_BUCKET=true

rclone copy _media "media:$MEDIA_BUCKET" --immutable --size-only --stats-one-line --stats 30s \
  --header-upload "Cache-Control: public, max-age=31536000, immutable"
echo "upload:media: _media/ is on the media host ($MEDIA_URL)"
