#!/usr/bin/env bash
# Validates docker-compose.yml and the cluster variant without a container engine: Debian's
# docker-compose (v1) parses, interpolates and schema-checks a file with `config`. Installed
# from Debian's packages when missing and we may (root with apt-get).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v docker-compose > /dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "installing Debian's docker-compose to validate the compose files" >&2
    apt-get install -y -qq docker-compose > /dev/null 2>&1 ||
      { apt-get update -qq > /dev/null 2>&1 && apt-get install -y -qq docker-compose > /dev/null; }
  else
    echo "docker-compose is not installed and cannot be installed here: the compose files are NOT validated" >&2
    exit 1
  fi
fi

# The secrets compose requires, with throw-away values: only the file's shape is checked here.
JWT_SECRET=validation-only-validation-only-0123 ADMIN_PASSWORD=validation-only \
  PATIENT_DATA_KEY=dmFsaWRhdGlvbi1vbmx5LXZhbGlkYXRpb24tb25seS0wMTI= \
  docker-compose -f docker-compose.yml config -q
docker-compose -f infra/cluster/docker-compose.cluster.yml config -q
echo "compose files valid: docker-compose.yml, infra/cluster/docker-compose.cluster.yml"
