#!/usr/bin/env bash
# Generates the TLS material for the 3-node KurrentDB cluster in docker-compose.cluster.yml:
# a local certificate authority and one certificate per node, valid for its compose service name,
# localhost and 127.0.0.1. Uses only openssl. Run from anywhere; writes infra/cluster/certs/
# (git-ignored). Re-running replaces everything.
#
#   bash infra/cluster/generate-certs.sh [days-valid, default 365]
#
# Clients trust the CA: kurrentdb+discover://admin:changeit@node1:2113?tlsCAFile=infra/cluster/certs/ca/ca.crt
set -euo pipefail

days="${1:-365}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/certs"
rm -rf "$out"
mkdir -p "$out/ca"

openssl req -x509 -newkey rsa:4096 -sha256 -nodes -days "$days" \
  -subj "/CN=Second Opinion Tracker local KurrentDB CA" \
  -keyout "$out/ca/ca.key" -out "$out/ca/ca.crt" 2>/dev/null

for node in node1 node2 node3; do
  mkdir -p "$out/$node"
  openssl req -newkey rsa:2048 -sha256 -nodes \
    -subj "/CN=$node" \
    -keyout "$out/$node/node.key" -out "$out/$node/node.csr" 2>/dev/null
  printf 'subjectAltName=DNS:%s,DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\nkeyUsage=digitalSignature,keyEncipherment\n' "$node" \
    > "$out/$node/ext.cnf"
  openssl x509 -req -sha256 -days "$days" -in "$out/$node/node.csr" \
    -CA "$out/ca/ca.crt" -CAkey "$out/ca/ca.key" -CAcreateserial \
    -extfile "$out/$node/ext.cnf" -out "$out/$node/node.crt" 2>/dev/null
  rm "$out/$node/node.csr" "$out/$node/ext.cnf"
done

# KurrentDB runs as uid 1000 in its image and must read the keys; nobody else needs to.
chmod 0755 "$out" "$out"/*
chmod 0644 "$out"/*/*.crt
chmod 0640 "$out"/*/*.key
echo "Certificates written to $out (CA: ca/ca.crt, nodes: node1..3/node.{crt,key}), valid $days days."
