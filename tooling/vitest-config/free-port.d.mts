/** A free TCP port on 127.0.0.1 below Linux's ephemeral range (32768–60999), never handed out twice by this process. */
export function freeLowPort(): Promise<number>;
