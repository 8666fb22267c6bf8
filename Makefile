# deskgate — see README.md.
GO        ?= go
BIN       := $(CURDIR)/bin
# The binaries, by package: each is built as bin/<last path element>.
CMDS      := gateway/cmd/deskgate \
             plugins/zendesk/cmd/deskgate-plugin-zendesk plugins/zendesk/sandbox/cmd/zendesk-sandbox \
             plugins/jsm/cmd/deskgate-plugin-jsm plugins/jsm/sandbox/cmd/jsm-sandbox
CONFIG    ?= configs/deskgate.hcl
# VictoriaLogs runs for real in the log-store tests and the benchmark:
# installed once with the Go toolchain (about a minute from a cold cache).
VLOGS_VERSION := v1.52.2
VLOGS     := $(CURDIR)/.bin/victoria-logs

.PHONY: all build run test test-short bench proto lint tidy-check fmt clean victoria-logs

all: build

build:
	@mkdir -p $(BIN)
	for c in $(CMDS); do $(GO) build -o $(BIN)/$${c##*/} ./$$c || exit 1; done

victoria-logs: $(VLOGS)

$(VLOGS):
	@mkdir -p $(dir $(VLOGS))
	GOBIN=$(dir $(VLOGS)) CGO_ENABLED=0 $(GO) install github.com/VictoriaMetrics/VictoriaLogs/app/victoria-logs@$(VLOGS_VERSION)

# Starts the sandbox Zendesk and the gateway with the demo config.
run: build
	./examples/run-demo.sh

# The whole suite, race detector on. Integration tests use the binaries built
# here (DESKGATE_TEST_BIN_DIR) and a Redis on 127.0.0.1:6379. The triage
# package runs once more without -race: its labeled-set figures triage a
# thousand tickets on one goroutine, which -race would make twenty times
# slower for nothing, so they skip under it (figuresWithoutRace).
test: build tidy-check $(VLOGS)
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go') | grep -v '\.pb\.go$$')" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	DESKGATE_TEST_BIN_DIR=$(BIN) DESKGATE_VICTORIALOGS_BIN=$(VLOGS) $(GO) test -race -count=1 -timeout 20m ./...
	$(GO) test -count=1 -timeout 10m ./gateway/triage

test-short: build $(VLOGS)
	DESKGATE_TEST_BIN_DIR=$(BIN) DESKGATE_VICTORIALOGS_BIN=$(VLOGS) $(GO) test -short ./...

# Prints figures, asserts nothing: ingress rate of a `deskgate serve` process
# against a bare HMAC handler process (SQLite and, when one answers on
# 127.0.0.1:6379, Redis; 3 passes of 15 s each, about 4 minutes; medians,
# latency, server CPU per delivery, answered vs stored, RSS under 400
# concurrent 1 MiB posts); then analysis throughput; then template grouping
# accuracy on the Loghub samples; then a 2 h window's analysis input from
# VictoriaLogs against the same from a file, and the analysis over each.
bench: build $(VLOGS)
	DESKGATE_TEST_BIN_DIR=$(BIN) $(GO) run ./internal/bench/ingress
	$(GO) run ./internal/bench/analysis
	$(GO) run ./internal/bench/templates
	DESKGATE_VICTORIALOGS_BIN=$(VLOGS) $(GO) run ./internal/bench/logstores

# Regenerates sdk/proto from its .proto file. Needs protoc (Debian:
# protobuf-compiler); the Go plugins are installed at pinned versions.
proto:
	$(GO) install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
	$(GO) install google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.5.1
	cd sdk/proto && PATH="$$($(GO) env GOPATH)/bin:$$PATH" protoc --go_out=. --go_opt=paths=source_relative \
		--go-grpc_out=. --go-grpc_opt=paths=source_relative platform/v1/platform.proto

lint: tidy-check
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go') | grep -v '\.pb\.go$$'); test -z "$$out" || { echo "$$out"; exit 1; }

# Fails when `go mod tidy` would change go.mod or go.sum (a requirement used
# directly but marked indirect, a missing or stale go.sum line), printing the
# diff. Needs only the module proxy.
tidy-check:
	@$(GO) mod tidy -diff || { echo "go.mod/go.sum are not tidy: run go mod tidy"; exit 1; }

fmt:
	gofmt -w $$(git ls-files '*.go' | grep -v '\.pb\.go$$')

clean:
	rm -rf $(BIN)
