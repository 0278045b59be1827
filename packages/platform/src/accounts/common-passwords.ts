/**
 * Passwords people pick most often (from published breach frequency lists, plus the Chinese
 * keyboard, pinyin and number favourites and this hotline's own words), lower case. The policy
 * compares a password with them after lower-casing, undoing common letter substitutions (p@ssw0rd)
 * and dropping spaces, and also after dropping trailing digits and symbols (Password2026!).
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "123456", "1234567", "12345678", "123456789", "1234567890", "12345678910", "123456789012", "1234567890123",
  "111111", "11111111", "111111111111", "000000", "00000000", "000000000000", "666666", "888888", "88888888",
  "123123", "123123123", "123123123123", "654321", "987654321", "9876543210", "147258369", "123321", "112233",
  "5201314", "520520", "1314520", "woaini", "woaini1314", "woaini520", "aini1314", "iloveyou", "iloveyou1314",
  "password", "passwords", "password1", "passwordpassword", "passw0rd", "pass", "passpass", "letmein", "welcome",
  "welcome1", "admin", "admin123", "administrator", "root", "toor", "guest", "user", "test", "testtest", "changeme",
  "qwerty", "qwertyui", "qwertyuiop", "qwertyuiopasdfgh", "qwerty123", "qwerty123456", "qwertyqwerty", "asdfgh",
  "asdfghjkl", "asdfasdf", "zxcvbn", "zxcvbnm", "zxcvbnmasdfghjkl", "qazwsx", "qazwsxedc", "qazwsxedcrfv",
  "1qaz2wsx", "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4t5y6",
  "abc123", "abc123456", "abc123456789", "abcd1234", "abcdefg", "abcdefgh", "abcdefghijkl", "a123456", "a12345678",
  "aa123456", "aaaaaa", "aaaaaaaaaaaa", "iloveyou123", "sunshine", "princess", "football", "baseball", "dragon",
  "monkey", "master", "shadow", "superman", "batman", "trustno1", "whatever", "freedom", "starwars", "hello",
  "helloworld", "hello123", "loveyou", "lovelove", "computer", "internet", "secret", "mypassword", "mima",
  "mima123456", "zhongguo", "china", "china123", "beijing", "shanghai", "zibo", "zhangdian", "zhangsan", "lisi",
  "wangwu", "zhangwei", "wangwei", "wangfang", "liwei", "wanglei", "liuyang", "woshishui", "nihao", "nihao123",
  "huanying", "xiaoming", "xiaohong", "civicline", "civiclinedemo", "hotline", "hotline12345", "rexian",
  "rexian12345", "12345rexian", "12345hotline", "zhengfu", "government", "service", "fuwu", "staff", "operator",
  "dispatcher", "supervisor", "callback", "leader", "handler", "temporary", "temp", "newpassword", "default",
  "welcome2026", "spring", "summer", "autumn", "winter", "monday", "january", "december",
]);
