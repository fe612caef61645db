# bash completion for conventio (installed as share/bash-completion/completions/conventio).
_conventio() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  case "$prev" in
    --kind) COMPREPLY=($(compgen -W "partenariat delegation avenant" -- "$cur")); return ;;
    --finance) COMPREPLY=($(compgen -W "single_payment tranches" -- "$cur")); return ;;
    --lang) COMPREPLY=($(compgen -W "fr en" -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "odt docx pdf odt,docx text json" -- "$cur")); return ;;
    --data) COMPREPLY=($(compgen -f -X '!*.json' -- "$cur")); return ;;
    --lib|--templates|--dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    -o|--output) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "new check render amend --help --version --lang" -- "$cur")); return
  fi
  case "$cur" in
    -*) COMPREPLY=($(compgen -W "-o --output --format --data --lib --templates --trusted --max-memory
                                 --max-instructions --timeout --allow-bidi-controls --watch --kind --finance --dir --force --lang
                                 --consolidated --clean" -- "$cur")) ;;
    *) COMPREPLY=($(compgen -f -X '!*.lua' -- "$cur")) ;;
  esac
}
complete -o filenames -F _conventio conventio
