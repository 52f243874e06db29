# bash completion for socketlab-cli (installed as share/bash-completion/completions/socketlab-cli)

_socketlab_cli()
{
    local cur prev words cword
    _init_completion || return

    case $prev in
        --proto) COMPREPLY=($(compgen -W 'tcp udp' -- "$cur")); return ;;
        --concurrency) COMPREPLY=($(compgen -W 'iterative fork thread poll' -- "$cur")); return ;;
        --lang) COMPREPLY=($(compgen -W 'en pt_BR' -- "$cur")); return ;;
        --host | --bind) _known_hosts_real -- "$cur"; return ;;
        --port | --backlog | --buffer | --max-clients | --watch | --rcvbuf | --sndbuf) return ;;
        --output | --csv) _filedir; return ;;
        --capture) _filedir pcapng; return ;;
        --batch) _filedir -d; return ;;
        --timeout) return ;;
        --exercise) COMPREPLY=($(compgen -W 'udp-server udp-client tcp-server tcp-client
                                             tcp-server-fork tcp-server-thread' -- "$cur")); return ;;
    esac

    local command="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            server | client | sockets | trace | check) command=${words[i]}; break ;;
        esac
    done

    # trace/check -- PROGRAM [ARGS...]: after "--", complete the program, then its own arguments.
    if [[ $command == trace || $command == check ]]; then
        for ((i = 1; i < cword; i++)); do
            if [[ ${words[i]} == -- ]]; then
                if ((cword == i + 1)); then
                    COMPREPLY=($(compgen -c -- "$cur"))
                else
                    _filedir
                fi
                return
            fi
        done
    fi

    local common='--proto --port --json --trace --lang --help --version'
    case $command in
        server) COMPREPLY=($(compgen -W "$common --concurrency --bind --backlog --buffer --rcvbuf
                                         --echo --max-clients --quiet --capture" -- "$cur")) ;;
        client) COMPREPLY=($(compgen -W "$common --host --append-newline --nodelay --half-close
                                         --reset --sndbuf --capture" -- "$cur")) ;;
        sockets) COMPREPLY=($(compgen -W '--port --proto --json --watch --lang --help' -- "$cur")) ;;
        trace) COMPREPLY=($(compgen -W '--json --output --capture --lang --help --' -- "$cur")) ;;
        check) COMPREPLY=($(compgen -W '--exercise --port --timeout --json --output --batch --csv --lang
                                        --help --' -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W 'server client sockets trace check --help --version' -- "$cur")) ;;
    esac
} &&
    complete -F _socketlab_cli socketlab-cli
