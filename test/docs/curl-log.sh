# Sourced before the README's walk-through blocks (readme-walkthrough.test.ts): each curl call appends
# "<status> <method> <url> <auth|noauth>" to $CURL_LOG and prints the body and a newline (command
# substitution drops it, so the variables the walk-through captures stay as written).
curl() {
  local out code method=GET url="" auth=noauth next=""
  for a in "$@"; do
    case "$next" in
      X) method="$a" ;;
      H) case "$a" in Authorization:*) auth=auth ;; esac ;;
      d) [ "$method" = GET ] && method=POST ;;
    esac
    next=""
    case "$a" in
      -X) next=X ;;
      -H) next=H ;;
      -d) next=d ;;
      http://*) url="$a" ;;
    esac
  done
  out=$(command curl -w '\n%{http_code}' "$@")
  code="${out##*$'\n'}"
  printf '%s\n' "${out%$'\n'*}"
  echo "$code $method $url $auth" >>"$CURL_LOG"
}
